"""Running `careerpath remind` on a schedule with the platform's own per-user scheduler.

One pure module per backend renders its files from a `Job` (systemd.py, cron.py, launchd.py,
windows.py); installer.py writes, registers and removes them through a host it is given (folders
and a command runner), so tests install into a temporary home.
"""
