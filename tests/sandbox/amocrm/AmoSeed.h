// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Sandbox::AmoCrm {

struct AmoAccount;

/**
 * Fills a fresh account. "empty": an admin, one pipeline «Воронка», the predefined contact and company
 * fields. "demo": a realistic Russian web shop account — two pipelines «Заказы с сайта» and «Заявки»,
 * four users (one deactivated), order fields (select, multiselect, text, date), contacts with +7/8
 * phone forms, leads in several stages, a product catalog and a customer. No events or webhooks fire.
 */
class AmoSeed
{
public:
    static bool apply(AmoAccount &account, const QString &profile, qint64 now);
    static QStringList profiles() { return { QStringLiteral("empty"), QStringLiteral("demo") }; }

private:
    static void base(AmoAccount &account, bool demo);
    static void demoEntities(AmoAccount &account, qint64 now);
};

} // namespace Sandbox::AmoCrm
