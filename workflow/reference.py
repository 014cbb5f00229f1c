"""The project's own default data: departments and complaint codes from the taxonomy
(nlp/data/taxonomy.json). Idempotent: existing rows keep staff edits."""
from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, Department
from nlp import taxonomy


def ensure_department(session: so.Session, name: str) -> Department:
    dept = session.scalar(sa.select(Department).where(Department.name == name))
    if dept is None:
        dept = Department(name=name)
        session.add(dept)
        session.flush()
    return dept


def ensure_reference_data(session: so.Session) -> int:
    """Create missing departments and codes; returns how many codes were added."""
    added = 0
    for code, info in taxonomy.CODES.items():
        if session.get(ComplaintCode, code) is not None:
            continue
        dept = ensure_department(session, info["department"])
        session.add(ComplaintCode(code=code, name=info["name"], category=info["category"],
                                  department_id=dept.id, response_hours=float(info["response_hours"])))
        added += 1
    session.flush()
    return added
