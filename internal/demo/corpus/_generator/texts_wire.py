"""Meridian Press Agency wire items and their syndicated copies."""

W1_TITLE = "Russian drones and missiles pound Kyiv overnight, at least 12 hurt"
W1 = [
    "KYIV, Oct 14 (Meridian) - Russia hit Kyiv with waves of attack drones and cruise and ballistic missiles overnight, killing one person and injuring at least 12, city officials said on Wednesday, as burning debris set homes alight in two districts of the capital.",
    "Fire crews worked through the night at a 16-storey apartment block in the Solomianskyi district, where drone fragments tore into several upper floors, the head of the city military administration said on Telegram. A private house in the Sviatoshynskyi district was also damaged.",
    "Ukraine's Air Force said Russia had launched more than 400 drones, many of them decoys, and nearly 20 missiles across the country, and that most had been shot down or jammed. Kyiv was the main target, it said.",
    "In the Black Sea port of Odesa, one man was killed when drones struck port facilities, the regional governor said. Firefighters were putting out a blaze at a warehouse on the waterfront.",
    "Moscow has stepped up long-range strikes on Ukrainian cities this autumn, while Kyiv has pressed its Western partners for more air defence systems. (Reporting by Meridian's Kyiv bureau; editing by the Europe desk)",
]

W2_TITLE = "Russian glide bombs kill at least three in Zaporizhzhia"
W2 = [
    "ZAPORIZHZHIA, Ukraine, Oct 16 (Meridian) - Russian guided bombs struck the southern Ukrainian city of Zaporizhzhia on Friday, killing at least three people and injuring 11, the head of the regional military administration said.",
    "The bombs, dropped from aircraft flying beyond the reach of Ukraine's air defences, hit an industrial site and a residential street, the official said on Telegram. Pictures posted by emergency services showed a deep crater beside a row of flattened houses.",
    "The city lies about 30 km from the front line and has been hit repeatedly by glide bombs - heavy Soviet-era bombs fitted with wings and satellite guidance kits, which can be released dozens of kilometres from their targets.",
    "There was no immediate comment from Moscow.",
]

W3_TITLE = "Kyiv targeted by drones for second time in a week; two injured"
W3 = [
    "KYIV, Oct 21 (Meridian) - Russia attacked Kyiv with drones overnight for the second time in a week, injuring two people in the northern Obolonskyi district, the city's mayor said on Wednesday.",
    "Ukraine's Air Force said nearly 100 drones had been launched at the country overnight and that 79 of them had been shot down or electronically suppressed.",
    "Debris also fell on open ground in the Desnianskyi district on the left bank of the Dnipro, causing no fire, officials said.",
    "The raid was much smaller than the attack a week earlier, which involved hundreds of drones as well as cruise and ballistic missiles.",
]

W4_TITLE = "Russia says it captured village in Ukraine's Donetsk region"
W4 = [
    "MOSCOW, Oct 22 (Meridian) - Russia's Defence Ministry claimed on Thursday that its forces had captured the village of Hryshyne in Ukraine's Donetsk region, just north-west of the city of Pokrovsk.",
    "The ministry, which used the Russian name Grishino, said units of its \"Centre\" group of forces had \"liberated\" the settlement. Meridian could not independently verify the claim.",
    "Ukraine's military did not immediately respond to a request for comment, and the General Staff did not mention the village in its evening update.",
]

W5_TITLE = "Ballistic missiles hit Kharkiv industrial site, at least five injured"
W5 = [
    "KHARKIV, Ukraine, Nov 2 (Meridian) - Two Russian ballistic missiles struck an industrial site in Kharkiv, Ukraine's second-largest city, on Monday morning, injuring at least five people, the regional governor said.",
    "Explosions were heard in the city shortly before 7:45 a.m. The missiles hit a manufacturing plant in the Kholodnohirskyi district, the governor said, without naming the company.",
    "Kharkiv lies about 30 km from the Russian border, and missiles fired from there can reach the city in well under a minute, leaving residents almost no time to take cover.",
]
