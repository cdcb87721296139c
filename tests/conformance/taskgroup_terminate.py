# asyncio-task: terminating a TaskGroup with an exception of one's own
import asyncio

class TerminateTaskGroup(Exception):
    """Exception raised to terminate a task group."""

async def force_terminate_task_group():
    raise TerminateTaskGroup()

async def job(task_id, sleep_time):
    print(f"Task {task_id}: start")
    await asyncio.sleep(sleep_time)
    print(f"Task {task_id}: done")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job(1, 0.05))
            group.create_task(job(2, 0.5))
            await asyncio.sleep(0.1)
            group.create_task(force_terminate_task_group())
    except* TerminateTaskGroup:
        pass

asyncio.run(main())
