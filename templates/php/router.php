<?php
// Router for PHP's built-in server (DropDeploy): the server would serve any file under the document root, so paths
// with a segment starting with a dot (/.env, /.git/config, /sub/.htpasswd) answer 404; /.well-known/ is served.
// Returning false hands every other request to the server as usual (files, scripts, the index.php fallback).
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (preg_match('#(^|/)\.#', $path) && !str_starts_with($path, '/.well-known/')) {
    http_response_code(404);
    echo "Not Found\n";
    return true;
}
return false;
