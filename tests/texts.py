"""Draft texts whose tier under the council starter pack the tests rely on."""

HARMLESS = "Join us on Saturday 10am-2pm at Stroud library for the repair café. All welcome, free entry!"
MEDIUM = "Have your say on the new park layout: bit.ly/stroud-park closes Friday."
HIGH = ("Lovely to see the 82-year-old gentleman from Tuesday's 3pm clinic in Nailsworth "
        "back on his feet after his fall.")
BLOCKED = "Mrs Priya Patel of 14 Lansdown Road, Stroud still owes us £4,200 in council tax arrears."
