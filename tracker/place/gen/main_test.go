package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Two lines in GeoNames' cities1000 layout (names shortened from the real dump): a big town whose
// exonyms and scripts are kept, and a small one whose Latin alternate names are dropped.
const sample = "1795565\tShenzhen\tShenzhen\tBao'an,SZX,Shen-chen,sng'n,深圳,深圳市,Шэньчжэнь,http://x\t22.54554\t114.0683\tP\tPPLA2\tCN\t\t30\t4403\t\t\t10358381\t\t4\tAsia/Shanghai\t2019-09-05\n" +
	"4069100\tFarmington\tFarmington\tDock,Farmingtown,Фармингтонск\t37.78088\t-90.42179\tP\tPPLX\tUS\t\tMO\t187\t\t\t18181\t\t283\tAmerica/Chicago\t2017-05-23\n"

func TestReadKeepsNamesNotNoise(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cities1000.txt")
	if err := os.WriteFile(path, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	towns, err := read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(towns) != 2 {
		t.Fatalf("%d towns, want 2", len(towns))
	}
	sz, fm := towns[0], towns[1]
	for _, k := range []string{"shenzhen", "bao an", "shen chen", "深圳", "深圳市"} {
		if !slices.Contains(sz.keys, k) {
			t.Errorf("Shenzhen lost the name %q: %v", k, sz.keys)
		}
	}
	for _, k := range []string{"szx", "sng n", "http x"} {
		if slices.Contains(sz.keys, k) {
			t.Errorf("Shenzhen kept the noise %q", k)
		}
	}
	if !slices.Contains(sz.keys, "shenchzhen") {
		t.Errorf("Shenzhen lost its Cyrillic name (Шэньчжэнь): %v", sz.keys)
	}
	if !slices.Equal(fm.keys, []string{"farmington", "farmingtonsk"}) {
		t.Errorf("a small town keeps its own name and its names in other scripts only, got %v", fm.keys)
	}
	if !fm.section || sz.section || fm.lat != "37.781" || fm.pop != 18181 {
		t.Errorf("columns misread: %+v", fm)
	}

	var out bytes.Buffer
	write(&out, towns)
	if !strings.HasPrefix(out.String(), "2 ") || !strings.Contains(out.String(), "\nfarmington\t1\n") {
		t.Errorf("table:\n%s", out.String())
	}
}

func TestReadNamesTheBadLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cities1000.txt")
	os.WriteFile(path, []byte(sample+"1\tBroken\n"), 0o644)
	if _, err := read(path); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error %v, want one naming line 3", err)
	}
}
