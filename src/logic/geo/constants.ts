/** Mean Earth radius (IUGG), km: the radius API.md gives for `areaKm2`. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The smallest extent a view may have, in degrees, so a single point still gets a sensible zoom. */
export const MIN_VIEW_SPAN = 0.02;

/** Latitudes a Mercator view is held within (the projection runs to infinity at the poles). */
export const MERCATOR_MAX_LAT = 85;
