// The regional map of the screenshots and the view tests: a skills-supply council's 40
// actors in Jönköpings län with real-length names, relations of every kind, a council
// with members, meetings, goals and actions. Deterministic.
import { prng, SECTORS, storedDocument } from './generate.mjs';

// name, short name, kind, sector, level, municipality, influence, interest, attitude, tags
const ACTORS = [
  ['Region Jönköpings län', 'RJL', 'organisation', 'public_sector', 'regional', 'Jönköping', 5, 5, 2, ['regional utveckling', 'kompetensförsörjning']],
  ['Jönköpings kommun', '', 'organisation', 'public_sector', 'local', 'Jönköping', 5, 4, 1, ['kommun', 'vuxenutbildning']],
  ['Värnamo kommun', '', 'organisation', 'public_sector', 'local', 'Värnamo', 4, 4, 1, ['kommun']],
  ['Eksjö kommun', '', 'organisation', 'public_sector', 'local', 'Eksjö', 3, 3, 0, ['kommun']],
  ['Nässjö kommun', '', 'organisation', 'public_sector', 'local', 'Nässjö', 3, 4, 1, ['kommun']],
  ['Gislaveds kommun', '', 'organisation', 'public_sector', 'local', 'Gislaved', 3, 3, 0, ['kommun']],
  ['Vetlanda kommun', '', 'organisation', 'public_sector', 'local', 'Vetlanda', 3, 2, 0, ['kommun']],
  ['Tranås kommun', '', 'organisation', 'public_sector', 'local', 'Tranås', 2, 3, 1, ['kommun']],
  ['Gnosjö kommun', '', 'organisation', 'public_sector', 'local', 'Gnosjö', 2, 4, 1, ['kommun', 'industri']],
  ['Vaggeryds kommun', '', 'organisation', 'public_sector', 'local', 'Vaggeryd', 2, 2, 0, ['kommun']],
  ['Habo kommun', '', 'organisation', 'public_sector', 'local', 'Habo', 2, 2, 0, ['kommun']],
  ['Sävsjö kommun', '', 'organisation', 'public_sector', 'local', 'Sävsjö', 2, 2, -1, ['kommun']],
  ['Länsstyrelsen i Jönköpings län', 'LST', 'organisation', 'public_sector', 'regional', 'Jönköping', 4, 2, 0, ['statlig myndighet']],
  ['Jönköping University', 'JU', 'organisation', 'education', 'regional', 'Jönköping', 4, 5, 2, ['lärosäte', 'forskning']],
  ['Campus Värnamo', '', 'organisation', 'education', 'local', 'Värnamo', 2, 5, 2, ['yrkeshögskola']],
  ['Teknikcollege Jönköpings län', 'TC', 'network', 'education', 'regional', 'Jönköping', 2, 4, 2, ['yrkesutbildning', 'industri']],
  ['Komvux Jönköping', 'Komvux', 'organisation', 'education', 'local', 'Jönköping', 2, 4, 1, ['vuxenutbildning']],
  ['Ung Företagsamhet Jönköpings län', 'UF', 'organisation', 'education', 'regional', 'Jönköping', 1, 3, 1, ['entreprenörskap']],
  ['Arbetsförmedlingen', 'AF', 'organisation', 'labour_market', 'national', 'Jönköping', 4, 3, 1, ['statlig myndighet', 'rusta och matcha']],
  ['Försäkringskassan', 'FK', 'organisation', 'labour_market', 'national', 'Jönköping', 3, 2, 0, ['statlig myndighet']],
  ['Samordningsförbundet Södra Vätterbygden', 'SOFINT', 'organisation', 'labour_market', 'regional', 'Jönköping', 2, 4, 1, ['finsam']],
  ['LO-distriktet Småland och Blekinge', 'LO', 'organisation', 'labour_market', 'regional', 'Växjö', 3, 3, -2, ['fack']],
  ['Kompetenslyftet GJUTA (ESF+)', 'GJUTA', 'project', 'labour_market', 'international', 'Gnosjö', 2, 5, 1, ['ESF+', 'projekt 2025–2027']],
  ['Almi Företagspartner Jönköping', 'Almi', 'organisation', 'business', 'regional', 'Jönköping', 3, 4, 1, ['finansiering', 'rådgivning']],
  ['Science Park Jönköping', 'SP', 'organisation', 'research', 'regional', 'Jönköping', 3, 4, 2, ['innovation', 'inkubator']],
  ['Företagarna Jönköpings län', '', 'organisation', 'business', 'regional', 'Jönköping', 3, 3, 0, ['arbetsgivarorganisation']],
  ['Svenskt Näringsliv Jönköping', 'SN', 'organisation', 'business', 'regional', 'Jönköping', 4, 3, -1, ['arbetsgivarorganisation']],
  ['Handelskammaren Jönköpings län', 'HK', 'organisation', 'business', 'regional', 'Jönköping', 3, 3, 1, ['näringsliv']],
  ['Husqvarna AB', '', 'organisation', 'business', 'international', 'Jönköping', 4, 2, 0, ['industri', 'stor arbetsgivare']],
  ['Saab Training & Simulation', 'Saab', 'organisation', 'business', 'national', 'Huskvarna', 3, 3, 1, ['industri']],
  ['Gnosjöregionens Näringslivsutveckling', 'GNU', 'network', 'business', 'local', 'Gnosjö', 2, 4, 1, ['industri', 'nätverk']],
  ['RISE Research Institutes of Sweden', 'RISE', 'organisation', 'research', 'national', 'Jönköping', 3, 2, 0, ['institut']],
  ['Futurum – akademin för hälsa och vård', 'Futurum', 'organisation', 'public_health', 'regional', 'Jönköping', 2, 3, 1, ['vårdforskning']],
  ['Vårdcentralen Eksjö', '', 'organisation', 'public_health', 'local', 'Eksjö', 1, 2, 0, ['vård']],
  ['Studieförbundet Vuxenskolan Jönköpings län', 'SV', 'organisation', 'civil_society', 'regional', 'Jönköping', 1, 3, 1, ['folkbildning']],
  ['Coompanion Jönköpings län', '', 'organisation', 'civil_society', 'regional', 'Jönköping', 1, 3, 2, ['socialt företagande']],
  ['Jönköpings läns museum', '', 'organisation', 'culture', 'regional', 'Jönköping', 1, 1, 0, ['kulturarv']],
  ['Destination Jönköping', '', 'organisation', 'tourism', 'local', 'Jönköping', 2, 2, 0, ['besöksnäring']],
  ['Jönköpings Länstrafik', 'JLT', 'organisation', 'transport', 'regional', 'Jönköping', 3, 2, -1, ['kollektivtrafik', 'pendling']],
  ['Anna-Karin Öhrström', '', 'person', '', 'local', 'Värnamo', 3, 4, 2, ['nyckelperson']],
];

const CONTACTS = {
  'Region Jönköpings län': [
    { name: 'Karin Åström', role: 'Regionutvecklare, kompetensförsörjning', email: 'karin.astrom@rjl.se', phone: '010-241 00 00' },
    { name: 'Jöns Ekelund', role: 'Enhetschef, Regional utveckling', email: 'jons.ekelund@rjl.se', phone: '' },
  ],
  'Jönköping University': [{ name: 'Alexander Nyström', role: 'Samverkansrådgivare', email: 'alexander.nystrom@ju.se', phone: '036-10 10 00' }],
  'Arbetsförmedlingen': [{ name: 'Sara Jönsson', role: 'Sektionschef', email: 'sara.jonsson@arbetsformedlingen.se', phone: '010-486 00 00' }],
  'Svenskt Näringsliv Jönköping': [{ name: 'Per Lindqvist', role: 'Regionchef', email: 'per.lindqvist@svensktnaringsliv.se', phone: '070-123 45 67' }],
  'Värnamo kommun': [{ name: 'Mikael Berg', role: 'Arbetsmarknadschef', email: 'mikael.berg@varnamo.se', phone: '' }],
};
const NOTES = {
  'Region Jönköpings län': 'Sammankallande för kompetensrådet.\nAnsvarar för den regionala utvecklingsstrategin (RUS 2025–2035).',
  'Svenskt Näringsliv Jönköping': 'Vill se snabbare omställning; skeptiska till långa utbildningar.',
  'LO-distriktet Småland och Blekinge': 'Kritiska till korta arbetsmarknadsutbildningar utan validering.',
  'Anna-Karin Öhrström': 'Näringslivschef i Värnamo; ”dörröppnare” till industrin i Gnosjöregionen.',
};

const KINDS = ['collaboration', 'funding', 'membership', 'information', 'agreement', 'tension'];

/** The 40-actor map, deterministic; no positions, so the app lays it out as on first open. */
export function regionalDocument({ id = 'jkp-kompetensrad-2026', positions = false } = {}) {
  const rnd = prng(2026);
  const actors = ACTORS.map(([name, short, kind, sector, level, municipality, influence, interest, attitude, tags], i) => ({
    id: `jkp-actor-${String(i + 1).padStart(2, '0')}`,
    name,
    short_name: short,
    kind,
    sector,
    level,
    municipality,
    influence,
    interest,
    attitude,
    salience: { power: influence >= 4, legitimacy: kind !== 'person', urgency: interest >= 4 },
    tags,
    notes: NOTES[name] ?? '',
    contacts: CONTACTS[name] ?? [],
    x: positions ? Math.round((rnd() - 0.5) * 800) : 0,
    y: positions ? Math.round((rnd() - 0.5) * 600) : 0,
    pinned: false,
  }));
  const byName = Object.fromEntries(actors.map((a) => [a.name, a.id]));
  const relations = [];
  const seen = new Set();
  const relate = (a, b, kind, strength = 2, directed = false, note = '') => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    relations.push({ id: `jkp-relation-${String(relations.length + 1).padStart(2, '0')}`, from: a, to: b, kind, strength, directed, note });
  };
  const R = byName['Region Jönköpings län'];
  // The region works with every municipality.
  for (const a of actors.filter((x) => x.name.endsWith('kommun'))) relate(R, a.id, 'collaboration', 2, false, '');
  relate(R, byName['Jönköping University'], 'agreement', 3, false, 'Samverkansavtal 2025–2028');
  relate(R, byName['Arbetsförmedlingen'], 'collaboration', 3, false, 'Gemensam plan för kompetensförsörjning');
  relate(R, byName['Science Park Jönköping'], 'funding', 3, true, 'Regionala tillväxtmedel');
  relate(R, byName['Almi Företagspartner Jönköping'], 'membership', 2, true, 'Delägare');
  relate(R, byName['Kompetenslyftet GJUTA (ESF+)'], 'funding', 2, true, 'Medfinansiering');
  relate(R, byName['Futurum – akademin för hälsa och vård'], 'membership', 3, true, '');
  relate(R, byName['Jönköpings Länstrafik'], 'membership', 3, true, 'Regional kollektivtrafikmyndighet');
  relate(byName['Svenskt Näringsliv Jönköping'], byName['LO-distriktet Småland och Blekinge'], 'tension', 2, false, 'Oenighet om utbildningarnas längd');
  relate(byName['Jönköping University'], byName['Science Park Jönköping'], 'collaboration', 3, false, '');
  relate(byName['Arbetsförmedlingen'], byName['Kompetenslyftet GJUTA (ESF+)'], 'information', 2, true, 'Månadsvis lägesrapport');
  relate(byName['Arbetsförmedlingen'], byName['Försäkringskassan'], 'collaboration', 2, false, '');
  relate(byName['Samordningsförbundet Södra Vätterbygden'], byName['Försäkringskassan'], 'membership', 2, true, '');
  relate(byName['Teknikcollege Jönköpings län'], byName['Husqvarna AB'], 'membership', 1, true, '');
  relate(byName['Campus Värnamo'], byName['Värnamo kommun'], 'funding', 3, true, '');
  relate(byName['Anna-Karin Öhrström'], byName['Värnamo kommun'], 'membership', 3, true, 'Anställd');
  relate(byName['Gnosjöregionens Näringslivsutveckling'], byName['Gnosjö kommun'], 'collaboration', 2, false, '');
  // Fill up to 60 with seeded pairs.
  while (relations.length < 60) {
    const a = actors[Math.floor(rnd() * actors.length)].id;
    const b = actors[Math.floor(rnd() * actors.length)].id;
    relate(a, b, KINDS[Math.floor(rnd() * 4)], 1 + Math.floor(rnd() * 3), rnd() < 0.3, '');
  }
  const council = {
    name: 'Kompetensrådet Jönköpings län',
    mandate: 'Samordna kompetensförsörjningen i Jönköpings län enligt RUS 2025–2035 och följa upp handlingsplanen.',
    members: [
      { actor: R, representative: 'Karin Åström', gender: 'woman', role: 'chair' },
      { actor: byName['Svenskt Näringsliv Jönköping'], representative: 'Per Lindqvist', gender: 'man', role: 'vice_chair' },
      { actor: byName['Jönköping University'], representative: 'Alexander Nyström', gender: 'man', role: 'member' },
      { actor: byName['Arbetsförmedlingen'], representative: 'Sara Jönsson', gender: 'woman', role: 'secretary' },
      { actor: byName['Värnamo kommun'], representative: 'Mikael Berg', gender: 'man', role: 'member' },
      { actor: byName['Anna-Karin Öhrström'], representative: 'Anna-Karin Öhrström', gender: 'woman', role: 'co_opted' },
    ],
    required_sectors: ['education', 'business', 'labour_market', 'public_sector'],
    meetings: [
      {
        id: 'jkp-meeting-1', start: '2026-02-10T13:00:00', duration_minutes: 180, place: 'Regionens hus, Jönköping',
        agenda: ['Välkommen och presentationsrunda', 'Kompetensbehov inom vård och industri', 'Handlingsplan 2026–2028', 'Övriga frågor'],
        notes: 'Protokoll skickas ut inom en vecka.',
      },
      { id: 'jkp-meeting-2', start: '2026-05-19T09:30:00', duration_minutes: 90, place: 'Campus Värnamo', agenda: [], notes: '' },
    ],
    goals: [
      { id: 'jkp-goal-1', title: 'Fler vuxna med yrkesutbildning inom bristyrken', indicator: 'Antal examinerade från regionalt yrkesvux', target_date: '2027-12-31' },
      { id: 'jkp-goal-2', title: 'Bättre matchning för nyanlända', indicator: 'Andel i arbete 12 månader efter insats', target_date: '2028-06-30' },
    ],
    actions: [
      {
        id: 'jkp-action-1', title: 'Kartlägg kompetensbehov hos industriföretag i Gnosjöregionen', goal: 'jkp-goal-1',
        responsible: byName['Svenskt Näringsliv Jönköping'], accountable: R,
        consulted: [byName['Jönköping University'], byName['Teknikcollege Jönköpings län']],
        informed: [byName['Arbetsförmedlingen'], byName['LO-distriktet Småland och Blekinge']],
        start: '2026-01-15', due: '2026-04-30', status: 'done', note: 'Enkät till 240 företag; svarsfrekvens 41 %.',
      },
      {
        id: 'jkp-action-2', title: 'Starta regionalt yrkesvux inom CNC-teknik', goal: 'jkp-goal-1',
        responsible: byName['Komvux Jönköping'], accountable: R,
        consulted: [byName['Husqvarna AB'], byName['Teknikcollege Jönköpings län']], informed: [byName['Gislaveds kommun']],
        start: '2026-03-01', due: '2026-12-15', status: 'in_progress', note: '',
      },
      {
        id: 'jkp-action-3', title: 'Matchningsdagar för nyanlända', goal: 'jkp-goal-2',
        responsible: byName['Arbetsförmedlingen'], accountable: null,
        consulted: [byName['Kompetenslyftet GJUTA (ESF+)']], informed: [byName['Jönköpings kommun'], byName['Nässjö kommun']],
        start: '2026-09-01', due: null, status: 'planned', note: '',
      },
    ],
  };
  return storedDocument({
    id,
    title: 'Kompetensråd Jönköpings län 2026',
    description: 'Aktörskarta för det regionala kompetensrådet i Jönköpings län.',
    created_at: '2026-01-10T08:15:00Z',
    updated_at: '2026-01-20T14:42:07Z',
    sectors: SECTORS.map(([sid, label, color]) => ({ id: sid, label, color })),
    actors,
    relations,
    council,
  });
}
