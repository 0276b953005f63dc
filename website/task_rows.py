"""Saving a new row together with the background task that works on it: one statement, one round trip.

With django-tasks-db a task is a row, and `Model.objects.create()` then `task.enqueue()` inside
`transaction.atomic()` costs four round trips to PostgreSQL (BEGIN, two INSERTs, COMMIT). On PostgreSQL
`create_with_task` sends one statement instead, whose first part inserts the row and second part inserts
the task row with the new primary key in its arguments:

    WITH row AS (INSERT INTO <model> (…) VALUES (…) RETURNING id),
         task AS (INSERT INTO <task table> (…) SELECT …, jsonb_build_object('args', …) FROM row)
    SELECT id FROM row

In autocommit that is its own transaction: both rows commit together or neither does (a unique
violation raises IntegrityError with nothing written), exactly like the atomic block it replaces.
Every column value comes from Django's own fields (defaults, `auto_now_add`, the task backend's defaults),
so the rows are the ones `create()` and `enqueue()` would have written. Anywhere else (SQLite, the
immediate backend in tests, another task backend) it does the plain two steps in `transaction.atomic()`.
"""

import json
from contextlib import nullcontext

from django.db import connection, transaction
from django.db.models.signals import post_save, pre_save

ROW_ID = object()  # stands for the new row's primary key among a task's arguments


def create_with_task(instance, task, *args):
    """Save the new `instance` and enqueue `task(*args)` (ROW_ID in args: the instance's pk) at once.
    Returns the saved instance; raises IntegrityError (nothing saved) as `create()` would."""
    if not _one_statement_possible(instance, task):
        with transaction.atomic():
            instance.save(force_insert=True)
            task.enqueue(*[instance.pk if arg is ROW_ID else arg for arg in args])
        return instance
    # The model signals save() would send, around the statement that replaces it.
    model, using = type(instance), connection.alias
    pre_save.send(sender=model, instance=instance, raw=False, using=using, update_fields=None)
    sql, params, task_row = _statement(instance, task, args)
    # Inside someone else's transaction (a test, a management command) keep their transaction usable if
    # the INSERT fails; on its own (a request) the statement is its own transaction.
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = using
    post_save.send(sender=model, instance=instance, created=True, update_fields=None, raw=False, using=using)
    task_row.args_kwargs = _args_kwargs([instance.pk if arg is ROW_ID else arg for arg in args])
    _announce(task, task_row)
    return instance


def _one_statement_possible(instance, task):
    from django_tasks_db import DatabaseBackend

    backend = task.get_backend()
    return (
        connection.vendor == "postgresql"
        and isinstance(backend, DatabaseBackend)
        and instance._meta.pk.db_returning
        and not task.run_after
    )


def _statement(instance, task, args):
    from django_tasks_db.models import DBTaskResult

    backend = task.get_backend()
    row_columns, row_values = _insert_values(instance, skip_pk=instance._meta.pk.db_returning)
    task_row = DBTaskResult(
        id=backend._get_id(),
        args_kwargs={},
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after,
        backend_name=backend.alias,
    )
    # django-tasks-db's own pre_save receiver fills run_after ("now or later") as for enqueue().
    pre_save.send(
        sender=DBTaskResult, instance=task_row, raw=False, using=connection.alias, update_fields=None
    )
    task_columns, task_values = _insert_values(task_row, skip_pk=False)
    qn = connection.ops.quote_name
    args_sql, args_params = [], []
    for arg in args:
        if arg is ROW_ID:
            args_sql.append(f"row.{qn(instance._meta.pk.column)}")
        else:
            args_sql.append("%s::jsonb")
            args_params.append(json.dumps(arg))
    select = []
    params = [*row_values]
    for column, value in zip(task_columns, task_values, strict=True):
        if column == DBTaskResult._meta.get_field("args_kwargs").column:
            built = f"jsonb_build_array({', '.join(args_sql)})"
            select.append(f"jsonb_build_object('args', {built}, 'kwargs', '{{}}'::jsonb)")
            params.extend(args_params)
        else:
            select.append("%s")
            params.append(value)
    # Table and column names come from the models; every value is a parameter.
    sql = (
        f"WITH row AS (INSERT INTO {qn(instance._meta.db_table)} ({', '.join(map(qn, row_columns))}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(row_values))}) RETURNING {qn(instance._meta.pk.column)}), "
        f"task AS (INSERT INTO {qn(DBTaskResult._meta.db_table)} ({', '.join(map(qn, task_columns))}) "
        f"SELECT {', '.join(select)} FROM row) "
        f"SELECT {qn(instance._meta.pk.column)} FROM row"
    )
    return sql, params, task_row


def _insert_values(instance, *, skip_pk):
    """Column names and database values for an INSERT of `instance`, as Model.save() would compute them."""
    columns, values = [], []
    for field in instance._meta.concrete_fields:
        if skip_pk and field.primary_key:
            continue
        columns.append(field.column)
        values.append(field.get_db_prep_save(field.pre_save(instance, True), connection))
    return columns, values


def _args_kwargs(args):
    from django_tasks_db.compat import normalize_json

    return normalize_json({"args": args, "kwargs": {}})


def _announce(task, task_row):
    """What DatabaseBackend.enqueue does after its INSERT: the task_enqueued signal (django-tasks logs it)."""
    from django_tasks_db.compat import task_enqueued

    task_row._state.adding = False
    task_enqueued.send(type(task.get_backend()), task_result=task_row.task_result)
