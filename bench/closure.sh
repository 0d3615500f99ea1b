#!/usr/bin/env bash
# Kept for old habits: the closure scenarios are part of the whole benchmark now.
exec bash "$(dirname "$0")/run.sh" "$@"
