import sys

from datafirst.generator.calibration.report import main

sys.exit(main())
