import pg from 'pg';

/** The scale of the benchmark's dataset: a city far larger than Montreal's today. */
export const SCALE = {
  shelters: 200,
  roomsPerShelter: 5,
  bedsPerRoom: 20,
  clients: 100_000,
  pastStays: 1_000_000,
};

/**
 * Names as a city's list of clients has them: common names, each carried by about one person in
 * a hundred or fewer (Tremblay, the commonest family name in Quebec, by about one in a hundred),
 * and a long tail of rarer ones. The search's cost follows how many people share the
 * words of a query, so a list where each of a few names covers a twentieth of the city would
 * measure a city that does not exist.
 */
const words = (text: string) => text.trim().split(/\s+/);

const NAMES = {
  /** Given names, each drawn for about 1.2 % of clients: 60 % in all. */
  given: words(`
    Hélène Jean Marc Sylvie Amina Kim Olivier Robert Nathalie Pierre Emily François Chloé
    Mohamed Isabelle Luc Julie André Sophie Gabriel Marie Michel Daniel Martin Stéphane
    Josée Manon Louise Claude Denis Fatima Youssef Jacques Sarah Mélanie Richard Nicolas
    Alain Lucie Karine Jimmy Samuel Dominique Guylaine Mathieu Ahmed Thi Minh Élise Joseph
  `),
  /** Family names, each drawn for about 0.6 % of clients: 30 % in all. */
  family: words(`
    Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier
    Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu
    Cloutier Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre
    Nadeau Martin Landry Martel Bédard Grenier Lessard Bernier Nguyen Joseph Jean-Baptiste
    Cohen Singh Ahmed Tran Smith Kanatewat Watt
  `),
  /** Syllables the rarer names are made of: 34 × 34 × 12 family names, 34 × 34 × 8 given names. */
  syllables: words(`
    ba be bi bo ca ce da de di fa ga ge la le li lo ma me mi mo na ne ni no ra re ri ro sa
    se ta te va vi
  `),
  familyEndings: ['n', 'r', 't', 'l', 'ault', 'ette', 'ier', 'in', 'on', 'eau', 'and', 'ard'],
  givenEndings: ['', 'a', 'e', 'o', 'el', 'ine', 'ie', 'y'],
};

const sqlArray = (values: string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Fills a migrated, empty database at scale with plain SQL: shelters, rooms, beds, clients,
 * a million past stays, tonight's open stays (60 % of beds) and some live holds.
 */
export async function seedScale(
  databaseUrl: string,
  admin: { sub: string; email: string },
): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const run = (text: string, values: unknown[] = []) => client.query(text, values);

  try {
    const { rows } = await run(
      `insert into users (cognito_sub, email, given_name, family_name, role, status)
       values ($1, $2, 'Bench', 'Admin', 'admin', 'active') returning id`,
      [admin.sub, admin.email],
    );
    const adminId = rows[0].id as string;

    await run(`insert into shelters (name, street, city, postal_code, phone, populations)
      select 'Refuge ' || lpad(g::text, 3, '0'), g || ' rue Principale', 'Montréal', 'H2X 1Y4', '514-555-' || lpad(g::text, 4, '0'),
             case g % 4 when 0 then '{men}' when 1 then '{women,trans-inclusive}' when 2 then '{youth,mixed}' else '{families}' end::text[]
        from generate_series(1, ${SCALE.shelters}) g`);
    await run(`insert into rooms (shelter_id, name)
      select s.id, 'Salle ' || r from shelters s, generate_series(1, ${SCALE.roomsPerShelter}) r`);
    await run(`insert into beds (shelter_id, room_id, label)
      select r.shelter_id, r.id, r.name || '-' || lpad(b::text, 2, '0') from rooms r, generate_series(1, ${SCALE.bedsPerRoom}) b`);
    // Drawn from a seeded generator, so that every run measures the same list of names.
    await run('select setseed(0.42)');
    await run(`create function pg_temp.pick(text[]) returns text language sql volatile
      as $$ select $1[1 + floor(random() * array_length($1, 1))::int] $$`);
    const rare = (endings: string[]) =>
      `initcap(pg_temp.pick(${sqlArray(NAMES.syllables)}) || pg_temp.pick(${sqlArray(NAMES.syllables)}) || pg_temp.pick(${sqlArray(endings)}))`;
    await run(
      `insert into clients (given_name, family_name, alias, birth_date, birth_date_quality, created_by_id)
      select case when random() < 0.6 then pg_temp.pick(${sqlArray(NAMES.given)}) else ${rare(NAMES.givenEndings)} end,
             case when random() < 0.3 then pg_temp.pick(${sqlArray(NAMES.family)}) else ${rare(NAMES.familyEndings)} end,
             case when g % 7 = 0 then 'Alias' || g end,
             date '1950-01-01' + (g % 20000), 'full', $1
        from generate_series(1, ${SCALE.clients}) g`,
      [adminId],
    );

    await run(
      'create temporary table client_n as select id, row_number() over (order by id) as n from clients',
    );
    await run(
      'create temporary table bed_n as select id, shelter_id, row_number() over (order by id) as n from beds',
    );
    const beds = SCALE.shelters * SCALE.roomsPerShelter * SCALE.bedsPerRoom;

    await run(
      `insert into stays (client_id, bed_id, shelter_id, checked_in_at, checked_in_by_id, checked_out_at, checked_out_by_id, exit_reason)
      select c.id, b.id, b.shelter_id,
             now() - (g % 730) * interval '1 day' - interval '20 hours', $1,
             now() - (g % 730) * interval '1 day' - interval '8 hours', $1, 'left-voluntarily'
        from generate_series(1, ${SCALE.pastStays}) g
        join client_n c on c.n = 1 + g % ${SCALE.clients}
        join bed_n b on b.n = 1 + (g * 7) % ${beds}`,
      [adminId],
    );
    const open = Math.floor(beds * 0.6);
    await run(
      `insert into stays (client_id, bed_id, shelter_id, checked_in_at, checked_in_by_id)
      select c.id, b.id, b.shelter_id, now() - interval '3 hours', $1
        from bed_n b join client_n c on c.n = b.n where b.n <= ${open}`,
      [adminId],
    );
    await run(
      `insert into holds (bed_id, shelter_id, referral_name, expires_at, created_by_id)
      select b.id, b.shelter_id, 'Référence ' || b.n, now() + interval '2 hours', $1
        from bed_n b where b.n > ${open} and b.n <= ${open + 1000}`,
      [adminId],
    );
    // As autovacuum would on a live database: statistics, visibility maps, and the trigram
    // index's pending entries merged, which searches otherwise read one by one.
    await run('vacuum analyze');

    return adminId;
  } finally {
    await client.end();
  }
}
