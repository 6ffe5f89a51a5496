"""The assistant: retrieval, cited answers and sessions over the indexed policy library."""
from .core import Assistant
from .models import Answer, Citation, Filters, Passage
from .response import Response
from .sessions import Session

__all__ = ["Assistant", "Answer", "Citation", "Filters", "Passage", "Response", "Session"]
