// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Sandbox::MoySklad {

class MoySkladStore;

/**
 * How objects look in answers (reference B.2): `meta` added, links left as `{"meta":…}` unless
 * `expand` names them (depth up to 3), document positions as a collection `{"meta":{…,"size"}}` with
 * `rows` only when expanded, and the counterparty's read-only `salesAmount` (kopecks) and
 * `bonusPoints` computed from its retail sales, orders and bonus transactions. Server thread.
 */
class MoySkladShapes
{
public:
    explicit MoySkladShapes(const MoySkladStore &store)
        : m_store(store)
    { }

    QJsonObject show(const QString &type, const QJsonObject &stored, const QStringList &expand = {},
                     int depth = 0) const;
    /** The list envelope {context, meta{href,type,mediaType,size,limit,offset,nextHref?,previousHref?},
     * rows}. */
    QJsonObject list(const QString &href, const QString &type, const QList<QJsonObject> &page, int size,
                     int limit, int offset, const QString &nextHref, const QString &previousHref) const;
    QJsonObject positions(const QString &type, const QJsonObject &stored, const QStringList &expand) const;

private:
    static bool expands(const QStringList &expand, const QString &field);
    static QStringList below(const QStringList &expand, const QString &field);
    qint64 bonusPoints(const QString &counterpartyHref) const;
    qint64 salesAmount(const QString &counterpartyHref) const;

    const MoySkladStore &m_store;
};

} // namespace Sandbox::MoySklad
