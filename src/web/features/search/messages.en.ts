// English words of the search results page, typed against messages.vi.ts (a missing key fails the type check).
import type { SearchMessages } from './messages.vi';

export const searchEn: SearchMessages = {
  'search.title': 'Search',
  'search.titleFor': 'Results for “{q}”',
  'search.intro':
    'Searches the plans, activities, implementation records, models, monitoring missions, documents for comment, agencies and users you may read. Diacritics are optional.',
  'search.label': 'Words to find',
  'search.submit': 'Search',
  'search.prompt': 'Type the words to find in the box above.',
  'search.empty': 'Nothing you may read matches “{q}”.',
  'search.count': '{count} results',
  'search.more': 'See all in the {kind} list',
  'kind.plan': 'Plans',
  'kind.activity': 'Activities',
  'kind.record': 'Implementation records',
  'kind.model': 'Models',
  'kind.mission': 'Monitoring missions',
  'kind.policy_review': 'Documents for comment and appraisal',
  'kind.agency': 'Agencies',
  'kind.user': 'Users',
};
