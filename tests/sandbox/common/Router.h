// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpTypes.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace Sandbox {

/**
 * Maps "METHOD /path/{id}/..." patterns to handlers. `{id}` matches digits only, `{*}` any one segment.
 * Routes are tried in the order they were added. The pattern doubles as the endpoint name in counters.
 * @tparam Call the per-request context the handlers receive.
 */
template<typename Call> class Router
{
public:
    using Handler = std::function<HttpResponse(Call &)>;

    struct Match
    {
        const Handler *handler = nullptr;
        QStringList params;
        QString endpoint; ///< "GET /api/v4/leads/{id}"
        bool pathKnown = false; ///< some route has this path, maybe with another method
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler)
    {
        m_routes.append({ method, pattern.split('/', Qt::SkipEmptyParts), pattern, std::move(handler) });
    }

    Match match(const QByteArray &method, const QString &path) const
    {
        Match result;
        const QStringList segments = path.split('/', Qt::SkipEmptyParts);
        for (const Route &route : m_routes) {
            QStringList params;
            if (!matchSegments(route.segments, segments, &params))
                continue;
            result.pathKnown = true;
            if (route.method != method)
                continue;
            result.handler = &route.handler;
            result.params = params;
            result.endpoint = QString::fromLatin1(method) + ' ' + route.pattern;
            return result;
        }
        return result;
    }

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        QString pattern;
        Handler handler;
    };

    static bool matchSegments(const QStringList &pattern, const QStringList &segments, QStringList *params)
    {
        if (pattern.size() != segments.size())
            return false;
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QString &p = pattern[i];
            if (p == QLatin1String("{id}")) {
                bool ok = false;
                segments[i].toLongLong(&ok);
                if (!ok)
                    return false;
                params->append(segments[i]);
            } else if (p == QLatin1String("{*}")) {
                params->append(segments[i]);
            } else if (p != segments[i]) {
                return false;
            }
        }
        return true;
    }

    QList<Route> m_routes;
};

} // namespace Sandbox
