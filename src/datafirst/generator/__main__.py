from datafirst.generator.cli import main

raise SystemExit(main())
