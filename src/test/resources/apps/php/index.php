<?php
header('Content-Type: text/plain');
echo 'dropdeploy-php-' . 'ok';
