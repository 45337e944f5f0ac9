from gpguide.cli import main

raise SystemExit(main())
