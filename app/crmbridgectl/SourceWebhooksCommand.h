// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Ctl {

/** `source webhooks NAME --url PUBLIC_URL | --off | --status`: a shop's webhooks to the intake server
 *  (Source::ShopWebhooks); MoySklad has them, database shops do not. */
int sourceWebhooks(const QStringList &args, const QString &databaseUrl);

} // namespace Ctl
