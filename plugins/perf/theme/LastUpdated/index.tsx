/**
 * Ejected from @docusaurus/theme-classic 3.10.2 (theme/LastUpdated) for one
 * change: the date is written by ./formatDate.ts, not Intl.DateTimeFormat,
 * whose first use costs every page load 30–40 ms of main thread (loading
 * locale data) just to hydrate a date the server already wrote. Markup and
 * translation ids are upstream's. The book is English only; another locale
 * would take Intl again, as upstream does.
 */
import React, {type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {ThemeClassNames} from '@docusaurus/theme-common';
import type {Props} from '@theme/LastUpdated';
import {formatEnglishUtcDate} from './formatDate';

function useFormattedDate(date: Date): string {
  const {i18n} = useDocusaurusContext();
  const {calendar} = i18n.localeConfigs[i18n.currentLocale]!;
  if (i18n.currentLocale === 'en' && calendar === 'gregory') return formatEnglishUtcDate(date);
  const options = {calendar, day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'} as const;
  return new Intl.DateTimeFormat(i18n.currentLocale, options).format(date);
}

function LastUpdatedAtDate({lastUpdatedAt}: {lastUpdatedAt: number}): ReactNode {
  const atDate = new Date(lastUpdatedAt);
  const formatted = useFormattedDate(atDate);
  return (
    <Translate
      id="theme.lastUpdated.atDate"
      description="The words used to describe on which date a page has been last updated"
      values={{
        date: (
          <b>
            <time dateTime={atDate.toISOString()} itemProp="dateModified">
              {formatted}
            </time>
          </b>
        ),
      }}>
      {' on {date}'}
    </Translate>
  );
}

function LastUpdatedByUser({lastUpdatedBy}: {lastUpdatedBy: string}): ReactNode {
  return (
    <Translate
      id="theme.lastUpdated.byUser"
      description="The words used to describe by who the page has been last updated"
      values={{user: <b>{lastUpdatedBy}</b>}}>
      {' by {user}'}
    </Translate>
  );
}

export default function LastUpdated({lastUpdatedAt, lastUpdatedBy}: Props): ReactNode {
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      <Translate
        id="theme.lastUpdated.lastUpdatedAtBy"
        description="The sentence used to display when a page has been last updated, and by who"
        values={{
          atDate: lastUpdatedAt ? <LastUpdatedAtDate lastUpdatedAt={lastUpdatedAt} /> : '',
          byUser: lastUpdatedBy ? <LastUpdatedByUser lastUpdatedBy={lastUpdatedBy} /> : '',
        }}>
        {'Last updated{atDate}{byUser}'}
      </Translate>
    </span>
  );
}
