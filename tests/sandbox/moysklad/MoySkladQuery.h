// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladEntities.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Sandbox::MoySklad {

/**
 * The list parameters of a GET on a collection (reference B.4): `filter` conditions joined by `;` (`\;`
 * is a literal), with `= != > < >= <= ~ ~= =~`, repeated `=` on one field meaning OR and the rest AND,
 * `field=` for empty; `search` over the main string fields; `order`; `limit` (1–1000) and `offset`;
 * `expand`. Conditions are checked against the object as the API shows it (links by href, times in
 * Moscow time). A plain value, built per request.
 */
class MoySkladQuery
{
public:
    /** Parses the raw query string; on a bad parameter returns false with the API's error. */
    bool parse(const QByteArray &rawQuery, ApiError *error);

    bool matches(const QJsonObject &shown) const;
    /** Sorts by `order`; the default order is by creation, as stored. */
    void sort(QList<QJsonObject> &shown) const;
    bool mentions(const QString &field) const;

    int limit = 1000;
    int offset = 0;
    QStringList expand;
    /** The query without limit/offset, for nextHref/previousHref. */
    QList<QPair<QString, QString>> passThrough;

private:
    struct Condition
    {
        QString field;
        QString op;
        QString value;
    };
    bool parseFilter(const QString &filter, ApiError *error);
    static bool test(const QJsonValue &actual, const QString &op, const QString &value);

    QList<Condition> m_conditions;
    QString m_search;
    QList<QPair<QString, bool>> m_order; ///< field, descending
};

} // namespace Sandbox::MoySklad
