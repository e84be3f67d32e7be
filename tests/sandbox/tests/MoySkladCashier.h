// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladTestClient.h"

#include <QHash>

namespace Sandbox::Testing {

/**
 * A cashier at the MoySklad sandbox's web interface, for end-to-end tests: rings up a retail sale of one
 * 128 GB card to a buyer of the demo seed. Links are looked up once each (before an engine runs: the
 * test's own API requests share the user's budget); forget() after the sandbox was reset.
 */
class MoySkladCashier
{
public:
    QJsonObject link(MoySkladTestClient &client, const QString &type, const QString &filter)
    {
        const QString key = type + '|' + filter;
        if (!m_links.contains(key)) {
            const QJsonObject row
                = client.get("/entity/" + type + "?filter=" + MoySkladTestClient::enc(filter))
                      .object()
                      .value("rows")
                      .toArray()
                      .first()
                      .toObject();
            m_links.insert(key, QJsonObject { { "meta", row.value("meta") } });
        }
        return m_links.value(key);
    }

    /** The sale's id; empty when the sandbox refused it. */
    QString sell(MoySkladTestClient &client, const QString &buyer, qint64 kopecks)
    {
        return client
            .control(
                "ui/retaildemand",
                { { "agent", link(client, "counterparty", "name=" + buyer) },
                  { "organization", link(client, "organization", "name~Фото") },
                  { "positions",
                    QJsonArray { QJsonObject { { "assortment", link(client, "product", "article=SD-128") },
                                               { "quantity", 1 },
                                               { "price", double(kopecks) } } } } })
            .value("id")
            .toString();
    }

    void forget() { m_links.clear(); }

private:
    QHash<QString, QJsonObject> m_links;
};

} // namespace Sandbox::Testing
