from datafirst.release.cli import main

raise SystemExit(main())
