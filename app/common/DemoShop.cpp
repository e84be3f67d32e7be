// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoShop.h"

#include "MoySkladDemoShop.h"
#include "SqlDemoShop.h"

namespace App {

QStringList DemoShop::names()
{
    return { QStringLiteral("minishop2"), QStringLiteral("bitrix"), QStringLiteral("moysklad") };
}

std::unique_ptr<DemoShop> DemoShop::make(const QString &name)
{
    if (name == QLatin1String("moysklad"))
        return std::make_unique<MoySkladDemoShop>();
    if (name == QLatin1String("minishop2") || name == QLatin1String("bitrix"))
        return std::make_unique<SqlDemoShop>(name);
    return nullptr;
}

} // namespace App
