// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

namespace Gui {

QIcon themedIcon(const QString &themeName, const QString &bundledName)
{
    const QIcon bundled(QStringLiteral(":/icons/%1.svg").arg(bundledName));
    return QIcon::fromTheme(themeName, bundled);
}

} // namespace Gui
