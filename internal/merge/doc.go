// Package merge turns reports into events: it decides which reports
// describe the same occurrence, summarises each event (headline figures,
// discrepancies, sources, verification status) and keeps analysts'
// corrections.
//
// # Use
//
// The pipeline stores a batch's documents and reports, then, in the same
// transaction:
//
//	res, err := merge.Reports(ctx, tx, reports) // res.Events: IDs written
//
// Analysts correct the machine with Merge, Split and Undo (each one write
// transaction, recorded in the corrections table with time and reason) and
// read why an event looks the way it does with Explain.
//
// # Which reports are one event
//
// Compare scores a pair of reports with named components — type, date,
// place, attacker, weapons — and gates: the types are equal, the dates
// overlap (day-precise with day-precise, coarse with coarse; territorial
// changes may be two days apart), the places agree (the same settlement
// within SameSettlementKm, a suburb within NearbyKm, a settlement inside the
// oblast the other report names, the same oblast, or the same country
// between two country-wide reports) and the attacker sides do not
// contradict. Reports of one family of near-duplicate documents that name
// the same place are linked whatever their dates.
//
// Partition turns the compatible pairs into events: strongest pair first,
// a pair joins two groups only if the result stays coherent (its
// day-precise dates share a day; every two reports naming settlements share
// one), and never against an analyst's split. Coherence stops chaining: an
// oblast-wide report cannot fuse two cities' strikes of one night, and an
// overnight range cannot fuse two nights.
//
// # Determinism and incremental merging
//
// Partition is a pure function of the set of reports (sorted by ID before
// anything else) and an event's ID is derived from its smallest report ID
// (EventID). Reports re-partitions only the neighbourhood of the new
// reports: every stored report reachable from them by any link Partition
// makes (compatibility within each joined report's own date window,
// near-duplicate copies, whole events) within ChainDays of the new reports'
// dates, so nothing outside it could change the grouping unless a chain of
// compatible reports runs longer than that (TestChainBounded: a city struck
// nightly for 120 nights re-partitions 24 reports per night, not 120). The same reports therefore give the same events with the
// same IDs whatever order and batches they came in;
// TestReportsIncrementalMatchesPartition, TestOrder* (random reports under
// many permutations and batch sizes) and TestDemoCorpusPartition check it.
//
// # Event summary
//
// Headline figures (killed, injured, children_killed, children_injured,
// drones/missiles launched and intercepted, glide_bombs, settlements,
// area_km2, troops, explosions) follow RuleHighest: the highest figure any
// source gave, because tolls are revised upwards. When sources give
// different value/qualifier pairs the event lists a Discrepancy with every
// source's value, report, document, publisher and claimant, flagged
// Conflict when two values cannot both be true ("12" against "at least
// 15"). A weapon named with an indefinite article ("a drone hit the
// depot") counts as at least one, so it never contradicts a tally. Dates
// and places disagreeing are discrepancies too.
//
// # Independent sources and the verification ladder
//
// IndependentSources counts distinct origins: a near-duplicate copy counts
// for its original's publisher, and one publisher counts once. Status
// applies the ladder, first rule that holds:
//
//   - confirmed: officials of the attacked side speak (their own channel,
//     their state news agency, or the press quoting them without a hedge)
//     and at least one independent press outlet reports it;
//   - corroborated: two or more independent press outlets;
//   - reported: exactly one independent press outlet;
//   - claimed: no independent press outlet — only one party's officials or
//     state media, or press relaying a claim with a hedge.
//
// A publisher's role (press, official, state media) comes from the
// operator's label in the sources table when set, else from its name
// (PublisherRole).
//
// # Corrections
//
// Merge records a must-link between the two events' smallest report IDs;
// Split records that a report never shares an event with the event's other
// reports. Both are applied by every later re-partition, so they survive
// re-ingest. Undo marks the newest correction in force as undone (keeping
// the audit row) and re-partitions the reports it touched.
package merge
