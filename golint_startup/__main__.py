from golint_startup.cli import main

main()
