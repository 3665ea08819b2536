package dates

import "time"

// months maps month names and abbreviations (lower case, without a period)
// to their number.
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ambiguousMonths are month names that are also common words or names
// ("Theresa May", "to march", "April Ryan", "august body"); alone, without
// a day or a year, they are dates only after a cue word such as "in".
var ambiguousMonths = map[string]bool{
	"march": true, "may": true, "june": true, "april": true, "august": true,
	"mar": true, "jan": true, "jun": true, "jul": true,
}

// weekdays maps weekday names (lower case) to their number. Abbreviations
// count only with their period ("Tue.", "Thurs.").
var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	"sun.": 0, "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4,
	"fri.": 5, "sat.": 6,
}

// partsOfDay may follow a day expression and belong to it: "Tuesday night".
var partsOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true, "midnight": true,
}

// numberWords are the counts written as words before "days ago" and such.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"fifteen": 15, "twenty": 20, "thirty": 30,
}

// cues are the words after which a bare month name or a year outside
// 1900–2100 reads as a date: "in May", "since 1857".
var cues = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"during": true, "from": true, "before": true, "after": true, "of": true, "to": true,
	"early": true, "mid": true, "late": true, "last": true, "next": true, "this": true,
	"between": true, "around": true, "circa": true, "c.": true, "year": true,
}

// countNouns follow a four-digit number that is a quantity, not a year:
// "2000 troops".
var countNouns = map[string]bool{
	"people": true, "persons": true, "soldiers": true, "troops": true, "civilians": true,
	"members": true, "men": true, "women": true, "children": true, "fighters": true,
	"militants": true, "pilgrims": true, "students": true, "workers": true, "families": true,
	"homes": true, "houses": true, "votes": true, "cases": true, "deaths": true, "rounds": true,
	"rupees": true, "dollars": true, "crore": true, "lakh": true, "km": true, "kilometres": true,
	"kilometers": true, "metres": true, "meters": true, "feet": true, "miles": true,
	"tonnes": true, "tons": true, "kg": true, "hours": true, "hrs": true, "units": true,
	"vehicles": true, "acres": true, "police": true, "personnel": true, "refugees": true,
}

// futureCues make a bare weekday or month point forward: "will meet on
// Tuesday". pastCues stop the search for a future cue.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "’ll": true, "shall": true, "scheduled": true, "upcoming": true,
	"expected": true, "due": true, "plans": true, "planned": true, "plan": true, "set": true,
	"going": true, "intends": true, "to be": true,
}

var pastCues = map[string]bool{
	"said": true, "says": true, "told": true, "was": true, "were": true, "had": true, "did": true,
	"has": true, "have": true, "met": true, "held": true, "killed": true, "claimed": true,
	"announced": true, "reported": true, "ago": true, "last": true, "earlier": true,
}
