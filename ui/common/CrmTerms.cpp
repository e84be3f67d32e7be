// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmTerms.h"

namespace Gui {

CrmTerms CrmTerms::of(const QString &crm)
{
    if (crm == QLatin1String("retailcrm"))
        return { QStringLiteral("RetailCRM"),
                 tr("Order"),
                 tr("Shop"),
                 tr("Status"),
                 tr("Customer"),
                 tr("Manager"),
                 true };
    return { QStringLiteral("amoCRM"), tr("Deal"), tr("Pipeline"), tr("Stage"), tr("Contact"),
             tr("Responsible"),        false };
}

} // namespace Gui
