module dropdeploy.dev/runner

go 1.24
