package extract

// set builds a word set.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Trigger words, by occurrence type. Matching is on whole lower-case tokens,
// so "counterattacks" never matches "attacks".
var (
	attackWords = set("attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "striking",
		"airstrike", "airstrikes", "assault", "assaults", "barrage", "bombardment", "bombarded", "bombing",
		"bombings", "bombed", "shelling", "shelled", "explosion", "explosions", "blast", "blasts", "raid",
		"raids", "hit", "pounded", "targeted", "targeting", "intercepted", "downed", "volley", "salvo",
		"onslaught", "rocked", "shot", "debris", "wreckage", "hits", "impacts", "destroyed")
	territorialWords = set("captured", "capture", "capturing", "occupied", "occupying", "occupation", "seized",
		"seizing", "seize", "took", "taken", "liberated", "liberating", "liberation", "retook", "retaken",
		"recaptured", "regained", "control", "advanced", "recapture", "recapturing", "retaking", "gained")
	// defenderGains are territorial words for ground regained by its owner.
	defenderGains   = set("liberated", "liberating", "liberation", "retook", "retaken", "recaptured", "regained")
	deploymentWords = set("deployed", "deploying", "deployment", "amassed", "amassing", "massing", "massed",
		"concentrated", "concentrating", "concentration", "build-up", "buildup", "stationed", "redeployed",
		"gathered", "gathering", "pour", "poured", "pouring")
	alertWords = set("alert", "alerts", "alarm", "alarms", "siren", "sirens", "air-raid")

	personNouns = set("people", "person", "persons", "civilians", "civilian", "residents", "resident",
		"children", "child", "kids", "minors", "minor", "teenagers", "teenager", "teens", "adults",
		"women", "woman", "men", "man", "boy", "boys", "girl", "girls", "infant", "infants", "baby",
		"babies", "pensioners", "workers", "rescuers", "firefighters", "medics", "journalists",
		"soldiers", "servicemen", "officers", "passengers", "victims", "others", "individuals",
		"inhabitants", "employees", "volunteers", "villagers", "locals", "neighbours", "neighbors", "pedestrians", "elderly", "sailors", "sailor", "crew", "guards", "drivers",
		"policemen", "police", "servicemen", "teachers", "doctors", "miners", "farmers",
		"doctor", "nurse", "nurses", "paramedic", "paramedics", "teacher", "farmer", "patient", "patients",
		"students", "student", "pupils", "pupil", "driver", "worker", "rescuer", "firefighter", "volunteer",
		"pensioner", "officer", "journalist", "policeman", "passenger", "soldier", "serviceman", "medic")
	childNouns = set("children", "child", "kids", "minors", "minor", "teenagers", "teenager", "teens",
		"boy", "boys", "girl", "girls", "infant", "infants", "baby", "babies")
	killedWords = set("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
		"fatalities", "perished", "lives", "toll", "fatally", "lifeless", "bodies")
	injuredWords = set("injured", "injuring", "injury", "injuries", "wounded", "wounding", "hurt",
		"hospitalised", "hospitalized")
	settlementNouns = set("settlements", "settlement", "villages", "village", "towns", "town", "localities",
		"locality", "hamlets", "hamlet", "communities")
	troopNouns    = set("troops", "soldiers", "servicemen", "personnel", "fighters", "troop", "men")
	explosionNoun = set("explosions", "explosion", "blasts", "blast")

	interceptWords = set("intercepted", "intercept", "intercepts", "intercepting", "downed", "destroyed",
		"destroying", "neutralised", "neutralized", "neutralising", "neutralizing", "suppressed", "repelled",
		"eliminated", "jammed", "shot", "shoot", "shooting", "downing")
	hitWords    = set("hit", "hits", "struck", "reached", "impacted", "landed", "penetrated", "through")
	launchWords = set("launched", "launch", "launching", "fired", "firing", "used", "using", "involved",
		"sent", "unleashed", "attacked", "deployed", "including")

	modalWords = set("would", "could", "might", "should", "must", "if", "unless", "whether", "will",
		"possible", "possibility", "threat", "threatened", "threatens", "plans", "planned", "preparing",
		"prepare", "intends", "aims", "aimed", "capable", "capacity", "warned", "fear", "fears", "feared",
		"fearing", "potential", "risk", "risks")
	negationWords = set("not", "never", "n't", "denied", "cannot")

	hedgeWords = set("reportedly", "allegedly", "alleged", "purportedly", "purporting", "purported",
		"claimed", "claims", "claim", "claiming", "unconfirmed", "unverified", "apparently", "supposedly")

	firstPerson = set("i", "my", "me", "myself", "i'm", "i've", "i'd")

	fillerStop = set("and", "or", "were", "was", "are", "is", "have", "has", "had", "been", "be", "in",
		"on", "at", "by", "from", "to", "with", "for", "into", "over", "after", "before", "during",
		"that", "which", "who", "while", "as", "per", "than", "but", "across", "near", "since", "a", "an")
)
