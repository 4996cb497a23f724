"""A Task Scheduler task (schtasks /Create /XML) that runs `careerpath remind` as the user.

The task runs only while the user is logged on (`InteractiveToken`), so it needs no stored
password and its toast reaches the user's desktop; `StartWhenAvailable` catches up a run
missed while the computer was off.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from xml.sax.saxutils import escape

from careerpath.schedule.job import LABEL, Frequency, Job

TASK_NAME = LABEL
XML_NAME = f"{LABEL}.xml"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"


def render_xml(job: Job, start: dt.date) -> str:
    """The task definition; `start` is the first day it may run (the day it is installed)."""
    boundary = dt.datetime.combine(start, job.at).isoformat()
    if job.frequency is Frequency.WEEKLY:
        schedule = (
            "<ScheduleByWeek><WeeksInterval>1</WeeksInterval>"
            f"<DaysOfWeek><{_DAYS[job.weekday]} /></DaysOfWeek></ScheduleByWeek>"
        )
    else:
        schedule = "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>"
    program, *arguments = job.argv
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        f'<Task version="1.2" xmlns="{TASK_NS}">\n'
        "  <RegistrationInfo><Description>careerpath: remind of licenses, CE and "
        "assignments due</Description></RegistrationInfo>\n"
        f"  <Triggers><CalendarTrigger><StartBoundary>{boundary}</StartBoundary>"
        f"<Enabled>true</Enabled>{schedule}</CalendarTrigger></Triggers>\n"
        '  <Principals><Principal id="Author"><LogonType>InteractiveToken</LogonType>'
        "<RunLevel>LeastPrivilege</RunLevel></Principal></Principals>\n"
        "  <Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>"
        "<StartWhenAvailable>true</StartWhenAvailable>"
        "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
        "<ExecutionTimeLimit>PT10M</ExecutionTimeLimit></Settings>\n"
        f'  <Actions Context="Author"><Exec><Command>{escape(program)}</Command>'
        f"<Arguments>{escape(subprocess.list2cmdline(arguments))}</Arguments></Exec></Actions>\n"
        "</Task>\n"
    )
