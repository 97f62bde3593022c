"""To-dos with due dates ("serve notice on Orange County DA")."""

from __future__ import annotations

from clinic_app.domain import validation
from clinic_app.domain.models import Task
from clinic_app.roles import Permission, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.record_store import RecordStore


class TaskService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.store = RecordStore(ctx, "tasks", Task, "task")

    @operation(Permission.CLIENT_WRITE)
    def save(self, task: Task) -> Task:
        validation.raise_for_errors(validation.task_problems(task))
        exists = self.ctx.db.query_one("SELECT 1 FROM tasks WHERE id = ?", (task.id,))
        return self.store.update(task) if exists else self.store.insert(task)

    @operation(Permission.CLIENT_READ)
    def for_client(self, client_id: str) -> list[Task]:
        return self.store.where("client_id = ?", (client_id,), order="done, due_on IS NULL, due_on, rowid")

    @operation(Permission.CLIENT_WRITE)
    def delete(self, task_id: str) -> None:
        self.store.delete(task_id)
