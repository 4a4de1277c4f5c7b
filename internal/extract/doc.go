// Package extract turns one cleaned document into reports: what that
// document says about each occurrence (an attack, a territorial change, an
// air alert, a troop deployment), with counts, qualifiers, casualties,
// dates, places, attacker side, claimant and hedging.
//
// Extraction is a pipeline of small steps, each in its own file:
//
//	sentence.go   split the text into sentences and clauses (byte spans)
//	token.go      tokenise a span into words, numbers and punctuation
//	number.go     read counts with their qualifiers ("at least 47", "dozens")
//	weapons.go    match weapon names from the catalogue in weapons.tsv
//	date.go       resolve date expressions against the publication time (Kyiv)
//	figures.go    decide what each count counts (weapons, people, villages…)
//	roles.go      launched, intercepted or hit, from the verbs around a count
//	casualties.go killed or injured, children, rising tolls
//	lexicon.go    the trigger and noun word lists
//	actor.go      attacker side, claimant attribution and hedging
//	places.go     keep the geocoded mentions that locate what a clause reports
//	clause.go     read one clause into a finding
//	group.go      group findings into one frame per occurrence
//	build.go      turn frames into model.Report values with facts and offsets
//	extract.go    run the steps in order
//
// Grouping is what makes the output usable: a wire story that mentions the
// same strike in five sentences yields one report that combines their
// figures, while a sentence naming another place, another date or another
// attacker starts a new report. Sentences that only recount old events,
// speculate ("could", "may") or deny ("has not confirmed") never start a
// report, and first-person opinion pieces produce reports only for dated,
// counted facts.
//
// Typical use:
//
//	geo, err := geocode.Default()
//	x := extract.New(geo)
//	reports, err := x.Reports(ctx, doc)
package extract
