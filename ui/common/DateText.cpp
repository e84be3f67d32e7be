// SPDX-License-Identifier: GPL-3.0-or-later
#include "DateText.h"

#include <QDateTime>
#include <QLocale>

namespace Gui::DateText {

QString at(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString atSeconds(qint64 ms)
{
    const QLocale locale;
    const QDateTime moment = QDateTime::fromMSecsSinceEpoch(ms);
    // The locale's long time is its short time with seconds, plus the time zone the console does not need.
    QString time = locale.timeFormat(QLocale::LongFormat);
    time.remove(QStringLiteral(" t")).remove(QLatin1Char('t'));
    return locale.toString(moment.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + locale.toString(moment.time(), time.trimmed());
}

} // namespace Gui::DateText
