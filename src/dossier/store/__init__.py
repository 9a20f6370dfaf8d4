"""The case store: schema, migrations, the one writer, read-only views, integrity checks."""

from .case import Case
from .integrity import IntegrityReport, verify
from .views import CaseView, ContainerRow, DocumentRow
from .writer import CaseWriter, Transaction

__all__ = ["Case", "CaseView", "CaseWriter", "ContainerRow", "DocumentRow",
           "IntegrityReport", "Transaction", "verify"]
