import { Link } from 'react-router';
import { useTrends } from '../api/queries.ts';
import { RankBars } from '../components/charts.tsx';
import { ErrorNote, PageHeader } from '../components/layout.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { humanize } from '../lib/format.ts';
import { useTitle } from '../lib/use-title.ts';

export function TrendsPage() {
  useTitle('Trends');
  const query = useTrends();
  const trends = query.data;
  const error = trends ? null : query.error;
  const load = () => void query.refetch();

  return (
    <div>
      <PageHeader
        title="Trends"
        subtitle={`What the community is designing${trends ? ` in the last ${trends.windowDays} days` : ''}.`}
      />
      {error ? <ErrorNote error={error} retry={load} /> : null}
      {!trends && !error ? (
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-64" />
          ))}
        </div>
      ) : trends ? (
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Top tags</CardTitle>
            </CardHeader>
            <CardContent>
              <RankBars
                label="Top tags"
                items={trends.tags.slice(0, 12)}
                render={(t) => (
                  <Link to={`/?tag=${encodeURIComponent(t)}`} className="hover:text-accent hover:underline">
                    #{t}
                  </Link>
                )}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Colours</CardTitle>
            </CardHeader>
            <CardContent>
              <RankBars
                label="Top colours"
                items={trends.colors.slice(0, 12)}
                barColor={(c) => c}
                render={(c) => (
                  <Link
                    to={`/?color=${encodeURIComponent(c)}`}
                    className="flex items-center gap-2 hover:underline"
                  >
                    <span
                      className="h-5 w-5 shrink-0 rounded-full border border-black/10 dark:border-white/20"
                      style={{ backgroundColor: c }}
                    />
                    <span className="font-mono text-xs uppercase">{c}</span>
                  </Link>
                )}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Garments</CardTitle>
            </CardHeader>
            <CardContent>
              <RankBars label="Top categories" items={trends.categories} render={humanize} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Styles</CardTitle>
            </CardHeader>
            <CardContent>
              <RankBars label="Top styles" items={trends.styles} render={humanize} />
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
