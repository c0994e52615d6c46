from noticekit.cli import main

raise SystemExit(main())
