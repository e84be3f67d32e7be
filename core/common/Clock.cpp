// SPDX-License-Identifier: GPL-3.0-or-later
#include "Clock.h"

namespace Common {

namespace {
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};
} // namespace

const Clock *Clock::system()
{
    static const SystemClock s_wall;
    static const OffsetClock s_skewed(&s_wall, qEnvironmentVariableIntValue("CRMBRIDGE_CLOCK_OFFSET_MS"));
    static const bool s_skew = qEnvironmentVariableIsSet("CRMBRIDGE_CLOCK_OFFSET_MS");
    return s_skew ? static_cast<const Clock *>(&s_skewed) : &s_wall;
}

} // namespace Common
