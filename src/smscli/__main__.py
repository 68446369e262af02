from smscli.cli.main import entry

entry()
