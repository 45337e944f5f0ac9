from gpguide.cli import run

run()
