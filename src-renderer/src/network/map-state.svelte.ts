import type { ColourBy, MapFilters } from './map';

/**
 * How the map is looked at (filters, colours, me at the centre, map or list), kept while the app runs so
 * coming back to the map shows it as it was left. Memory only: nothing about the view is written down.
 */
export const mapView = $state<{ filters: MapFilters; colourBy: ColourBy; meAtCentre: boolean; mode: 'map' | 'list' | null }>({
  filters: { activeOnly: true, place: 'all', level: 'all', allyRole: 'all' },
  colourBy: 'organization',
  meAtCentre: true,
  mode: null,
});
