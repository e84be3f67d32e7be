// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopSource.h"

namespace Source::MoySklad {

class MoySkladClient;

/**
 * Reads what changed in MoySklad by polling `updated` (the catch-up after any downtime, and the
 * fallback when webhooks are not set up), stream by stream:
 * - "retail": retail sales (`retaildemand`) of private persons → PurchaseMade, one per sale (or
 *   OrderCreated when the source sends sales as deals);
 * - "orders": customer orders of private persons → OrderCreated, later saves → OrderChanged;
 * - "customers": private persons (`companyType=individual`) → CustomerSaved with a content hash;
 * - "bonus": bonus transactions → CustomerSaved of their private buyer with the points as they are now.
 * Legal entities and entrepreneurs are skipped (their rows still move the mark). A stream's mark is
 * "<updated>|<n>": the newest `updated` read (Moscow time, as MoySklad compares it) and how many rows
 * of exactly that time were read, so the next query `updated>=…` with `offset=n` neither repeats nor
 * skips. An empty mark starts at the newest row ("latest") or at the first ("beginning").
 * Used on the source's thread.
 */
class MoySkladEventReader
{
public:
    MoySkladEventReader(MoySkladClient &client, QString sourceName, bool fromBeginning,
                        bool salesAsDeals = false);

    static QStringList streams() { return { "customers", "retail", "orders", "bonus" }; }
    Common::Result<SourceRead> read(const Marks &marks, int maxEvents);

private:
    struct Mark
    {
        QString updated;
        int seen = 0;
        QString toText() const { return updated + '|' + QString::number(seen); }
        static Mark parse(const QString &text);
    };

    /** Where an unread stream starts: the newest row for "latest", nothing for "beginning". */
    Common::Result<Mark> startMark(const QString &entity, const QString &baseFilter);
    Common::Status readStream(const QString &stream, const Marks &marks, int limit, SourceRead &out);
    void addEvents(const QString &stream, const QJsonObject &row, SourceRead &out) const;

    MoySkladClient &m_client;
    QString m_source;
    bool m_fromBeginning;
    bool m_salesAsDeals;
};

} // namespace Source::MoySklad
