"""Community policing activities: the log, its history, follow-ups, exports, posters, the calendar
and the officers' overview."""
