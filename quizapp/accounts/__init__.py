"""Accounts people run themselves: password change and reset, e-mail change, their data as a
zip, deleting the account, notices, the admin's user page and database backups.

Each module holds rules, not HTTP: functions take a session and plain values, change rows and
flush; the view (or CLI command) commits, so every action is one transaction.
"""
