import signal
import sys

from nlp.cli import main

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `python -m nlp evaluate … | head` ends quietly
sys.exit(main())
