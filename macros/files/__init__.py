"""Files written beside the pages: iCalendar, vCard and the data of the search indexes."""
