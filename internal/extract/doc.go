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
// Russian and Ukrainian documents (doc.Language "ru" or "uk", or text that
// is mostly Cyrillic) take their own clause reader, because Cyrillic words
// inflect and word order differs, but share everything else: sentences,
// tokens, quantities and qualifiers, the date resolver, the geocoder, the
// grouper and the report builder, so a report reads the same whatever the
// language of its source:
//
//	cyrillic.go     dispatch, the sentence loop, signatures, voice
//	lexicon_cyr.go  Russian and Ukrainian stems: triggers, roles, casualties, sides, claimants, hedges
//	number_cyr.go   number words in every case ("двое", "п'ятьох"), "1 200", "не менее", "понад", "до"
//	date_cyr.go     "в ночь на 19 октября", "у ніч на суботу", "минулої ночі", month names in all cases
//	weapons_cyr.go  weapon stems ("беспилотн", "=каб", "Х-101") onto the kinds and models of weapons.tsv
//	clause_cyr.go   read one clause into a finding
//	figures_cyr.go  what each count counts: weapons, people, children, settlements
//	roles_cyr.go    launched, intercepted or hit; per-region breakdowns of a total; "дрона" as one
//	places_cyr.go   which geocoded mentions locate a clause; claimant, its side, hedges
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
