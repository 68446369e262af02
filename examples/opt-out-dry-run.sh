#!/bin/sh
# Rehearse an opt-out setup on a throwaway state: create a list, opt two numbers out, look at them,
# opt one back in, and show the errors the service would give for a duplicate list and a bad number.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT

smscli create-opt-out-list --opt-out-list-name marketing --tags Key=team,Value=growth --output json
smscli put-opted-out-number --opt-out-list-name marketing --opted-out-number +12065550100 --output json
smscli put-opted-out-number --opt-out-list-name marketing --opted-out-number +12065550101 --output json
smscli describe-opted-out-numbers --opt-out-list-name marketing --output table
smscli delete-opted-out-number --opt-out-list-name marketing --opted-out-number +12065550101 --output text
smscli describe-opt-out-lists --output table

# What AWS would refuse, smscli refuses, with the same exit codes.
if smscli create-opt-out-list --opt-out-list-name marketing; then exit 1; else echo "duplicate list refused (exit $?)"; fi
if smscli put-opted-out-number --opt-out-list-name marketing --opted-out-number 555-0100; then exit 1; else echo "bad number refused (exit $?)"; fi
echo "opt-out dry run: OK"
