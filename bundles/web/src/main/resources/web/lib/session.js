// Who is logged in. The UI offers only what the API allows this user; the server checks anyway.
export const session = {me: null};

export function has(...roles) {
  const mine = session.me ? session.me.roles : [];
  return roles.some((role) => mine.includes(role));
}

export const READERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR'];
export const CENTRE = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
export const ASSIGNERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'FOUNDER_COORDINATOR'];
