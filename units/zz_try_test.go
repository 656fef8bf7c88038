package units
import ("testing";"fmt")
func TestTry(t *testing.T){
 for _, n := range []string{"mV","nS","pF","ms","nA","Hz","kHz","um","mM","cm","cm2","um3","kgram","kg","mg","mvolt","millivolt","msecond3","metre2","M","m","molar","mmolar","Mohm","kohm","ohm","daamp","damp","dam","Pa","mol","mmol","L","ml","kg2","mV2","liter","ugram"} {
   s,d,ok := Lookup(n); fmt.Println(n, s, d, ok)
 }
 fmt.Println(Format(5e-9*10e-3, dim(0,0,0,1)), Format(3e-3, dim(2,1,-3,-1)), Format(0.1, dim(0,0,1)), Format(1, dim(0,0,-1)), Format(0, dim(2,1,-3,-1)), Format(2.5, dim(0,1)), Format(2.5e-6, dim(0,1)), Format(1e-4, dim(2)), Format(1e-15,dim(3)), Format(1, dim(0,0,-2)), Format(3,dim(1,0,-1)), Format(1e-30,dim(1)), Format(-0.07, dim(2,1,-3,-1)))
 fmt.Println(len(Names()), Suggest("mVV"), Suggest("mv"), Suggest("msec"), Suggest("nsiemen"))
 for _, e := range []string{"mV","1","volt/second","siemens/meter**2","mV*ms**-1","(nS*mV)","Hz","second**-0.5","1/second","second**(-1/2)","mVV/ms","mV*","", "x y", "ms^2"} { s,d,err := ParseUnit(e); fmt.Printf("%q %v %v %v\n", e, s, d, err) }
 for _, x := range [][2]any{{1e-3,dim(2,1,-3,-1)},{1e-2,dim(1)},{1e-4,dim(2)},{1e-3,dim(3)},{1e-6,dim(3)},{1e-18,dim(3)},{1.0,dim(0,1)},{1e3,dim(0,0,-1)},{5e-3,dim(2,1,-3,-1)},{1.0,dim(-3,0,0,0,0,1)}} { fmt.Println(UnitName(x[0].(float64), x[1].(Dim))) }
 fmt.Println(DimName(dim(2,1,-3,-1)), DimName(dim(0,1)), DimName(dim(2,1,-4,-1)), DimRepr(dim(2,1,-3,-1)), DimRepr(dim(0,0,1).Pow(R(-1,2))))
}
