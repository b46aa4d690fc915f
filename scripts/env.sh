# Sourced by the scripts: the tool paths and Trunk settings for an offline build.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
unset NO_COLOR
